import { describe, expect, it } from 'vitest';
import { admissionCharge } from '../../src/limits/admission-charge.ts';

describe('admissionCharge', () => {
  it('charges the prompt plus the requested max_tokens', () => {
    expect(admissionCharge(1_200, 300, 1_024)).toBe(1_500);
  });

  it("charges the model's default max_tokens when none is requested", () => {
    expect(admissionCharge(1_200, undefined, 1_024)).toBe(2_224);
    expect(admissionCharge(1_200, null, 1_024)).toBe(2_224);
  });
});
