package com.tradingbacktest.app.marketdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.InputStreamSource;

/**
 * Tells, from the first bytes of an upload, a file that is not a UTF-8 text CSV (compressed, a
 * spreadsheet, UTF-16, binary, Korean EUC-KR/CP949) and what to do about it: such a file would
 * otherwise read as one unreadable header or a list of garbled rows.
 */
final class UploadedText {

  /** How much of the file is looked at: a header and hundreds of rows. */
  static final int SAMPLE_BYTES = 64 * 1024;

  private static final String SAVE_AS_UTF8 = "save it as CSV UTF-8 and upload that";

  private UploadedText() {}

  /** Why the file cannot be read as UTF-8 text, or empty when its start reads as such. */
  static Optional<String> problem(InputStreamSource file) throws IOException {
    byte[] head;
    try (InputStream in = file.getInputStream()) {
      head = in.readNBytes(SAMPLE_BYTES);
    }
    return Optional.ofNullable(problem(head));
  }

  static String problem(byte[] b) {
    if (startsWith(b, 0x1f, 0x8b)) {
      return "The file is gzip-compressed; upload the uncompressed CSV.";
    }
    if (startsWith(b, 'P', 'K', 3, 4) || startsWith(b, 'P', 'K', 5, 6)) {
      return "The file is a ZIP archive (or an Excel .xlsx workbook); upload the CSV itself (in"
          + " Excel: save as CSV UTF-8).";
    }
    if (startsWith(b, 0xd0, 0xcf, 0x11, 0xe0)) {
      return "The file is an Excel .xls workbook; " + SAVE_AS_UTF8 + ".";
    }
    if (startsWith(b, 'B', 'Z', 'h')
        || startsWith(b, 0xfd, '7', 'z', 'X', 'Z', 0)
        || startsWith(b, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)
        || startsWith(b, 0x28, 0xb5, 0x2f, 0xfd)) {
      return "The file is compressed (bzip2, xz, 7z or zstd); upload the uncompressed CSV.";
    }
    if (startsWith(b, 0xff, 0xfe) || startsWith(b, 0xfe, 0xff) || looksUtf16(b)) {
      return "The file is UTF-16 text; " + SAVE_AS_UTF8 + ".";
    }
    int nul = indexOf(b, 0);
    if (nul >= 0) {
      return "The file holds a NUL byte (at byte "
          + (nul + 1)
          + "), so it is not a text CSV; upload a plain CSV file saved as UTF-8.";
    }
    int bad = firstInvalidUtf8(b);
    if (bad < 0) {
      return null;
    }
    if (readsAsKorean(b)) {
      return "The file is not UTF-8 (it looks like Korean EUC-KR/CP949, as Excel saves it); "
          + SAVE_AS_UTF8
          + ".";
    }
    return "The file is not UTF-8 text (the first invalid byte is byte "
        + (bad + 1)
        + "); "
        + SAVE_AS_UTF8
        + ".";
  }

  /** UTF-16 without a byte-order mark: ASCII text with every other byte NUL. */
  private static boolean looksUtf16(byte[] b) {
    int n = Math.min(b.length, 512) & ~1;
    if (n < 4) {
      return false;
    }
    int evenNuls = 0;
    int oddNuls = 0;
    for (int i = 0; i < n; i += 2) {
      evenNuls += b[i] == 0 ? 1 : 0;
      oddNuls += b[i + 1] == 0 ? 1 : 0;
    }
    int pairs = n / 2;
    return Math.max(evenNuls, oddNuls) * 2 > pairs && Math.min(evenNuls, oddNuls) * 8 < pairs;
  }

  /**
   * The offset of the first byte that is not valid UTF-8, or -1; a sequence cut off at the end of
   * the sample is not counted.
   */
  private static int firstInvalidUtf8(byte[] b) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b);
    CoderResult result = decoder.decode(in, CharBuffer.allocate(b.length), false);
    return result.isError() ? in.position() : -1;
  }

  /** Whether the bytes decode as CP949 (a superset of EUC-KR) and hold Hangul. */
  private static boolean readsAsKorean(byte[] b) {
    if (!Charset.isSupported("x-windows-949")) {
      return false;
    }
    CharsetDecoder decoder =
        Charset.forName("x-windows-949")
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      // The sample may end inside a two-byte character: leave its last byte out.
      CharBuffer text = decoder.decode(ByteBuffer.wrap(b, 0, b.length - trailingLeadByte(b)));
      return text.chars().anyMatch(c -> c >= 0xac00 && c <= 0xd7a3);
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static int trailingLeadByte(byte[] b) {
    int highBytes = 0;
    for (int i = b.length - 1; i >= 0 && (b[i] & 0x80) != 0; i--) {
      highBytes++;
    }
    return highBytes % 2;
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, int value) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
