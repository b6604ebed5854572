package io.xxgk.identity;

import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.ModulusCheckDigit;

/**
 * The check character of the 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character
 * alphabet (no I, O, Z, S, V), the last one a weighted modulus-31 check.
 */
public final class CreditCode extends ModulusCheckDigit {

    private static final long serialVersionUID = 1L;
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28, 1};
    private static final CreditCode INSTANCE = new CreditCode();

    private CreditCode() {
        super(31);
    }

    /** True for an 18-character code (upper case) whose check character is right. */
    public static boolean isValid18(String code) {
        return code != null && code.length() == 18 && INSTANCE.isValid(code);
    }

    /** The check character for the first 17 characters. */
    public static char checkCharFor(String first17) throws CheckDigitException {
        return INSTANCE.calculate(first17).charAt(0);
    }

    @Override
    protected int toInt(char character, int leftPos, int rightPos) throws CheckDigitException {
        int v = ALPHABET.indexOf(character);
        if (v < 0) {
            throw new CheckDigitException("invalid character '" + character + "' at position " + leftPos);
        }
        return v;
    }

    @Override
    protected String toCheckDigit(int charValue) throws CheckDigitException {
        if (charValue < 0 || charValue >= ALPHABET.length()) {
            throw new CheckDigitException("invalid check value " + charValue);
        }
        return String.valueOf(ALPHABET.charAt(charValue));
    }

    @Override
    protected int weightedValue(int charValue, int leftPos, int rightPos) {
        return charValue * WEIGHTS[leftPos - 1];
    }
}
