using System.Text;
using Sitrep.Errors;
using UtfUnknown;

namespace Sitrep.Ingest.Encoding;

/// <summary>
/// Turns bytes into text: byte-order marks are honoured, strict UTF-8 is tried first, and only when it fails are UTF-16
/// without a mark, UTF-8 with stray invalid bytes and legacy encodings considered (UTF.Unknown, a port of Mozilla's
/// detector). Each of those yields a warning; an encoding that cannot be detected with confidence yields an error and
/// the file is not analysed.
/// </summary>
public static class TextDecoder
{
    private const float MinimumConfidence = 0.5f;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; returns the text and an optional warning, or null text and an error.</summary>
    /// <remarks>
    /// In order: a byte-order mark; UTF-16 without a byte-order mark (told by its NUL bytes falling on every other
    /// byte); strict UTF-8; UTF-8 with a few stray invalid bytes, each replaced by U+FFFD with a warning (when the file
    /// holds more valid multi-byte UTF-8 than invalid bytes, or the detector itself names UTF-8); then a detected legacy
    /// encoding, where the text's language settles the ambiguity between Western (windows-1252) and Central European
    /// (windows-1250) code pages that byte statistics alone cannot.
    /// </remarks>
    public static (string? Text, SitrepError? Diagnostic) Decode(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (System.Text.Encoding.Unicode.GetString(bytes[2..]), null);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (System.Text.Encoding.BigEndianUnicode.GetString(bytes[2..]), null);
        }

        // Before UTF-8: ASCII in UTF-16 is valid UTF-8 too (NUL is a valid character), only with a NUL in every other byte.
        if (Utf16WithoutBom(bytes) is { } utf16)
        {
            return (utf16.GetString(bytes), SitrepErrors.DecodedAs.At(path, utf16.WebName + " (no byte-order mark)", 1.0));
        }

        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
        }

        var (invalid, firstInvalid, multiByte) = Utf8Census(bytes);
        if (multiByte >= invalid)
        {
            return (System.Text.Encoding.UTF8.GetString(bytes), SitrepErrors.InvalidBytesReplaced.At(path, invalid, firstInvalid));
        }

        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (detected?.Encoding is { CodePage: 65001 } || ((detected?.Encoding is null || detected.Confidence < MinimumConfidence) && invalid * 100L <= bytes.Length))
        {
            return (System.Text.Encoding.UTF8.GetString(bytes), SitrepErrors.InvalidBytesReplaced.At(path, invalid, firstInvalid));
        }

        if (detected?.Encoding is null || detected.Confidence < MinimumConfidence)
        {
            var what = detected is null ? "no candidate" : $"best guess {detected.EncodingName} at {detected.Confidence:P0}";
            return (null, SitrepErrors.Undecodable.At(path, what));
        }

        var (encoding, name) = SettleLatin(bytes, detected.Encoding, detected.EncodingName);
        return (encoding.GetString(bytes), SitrepErrors.DecodedAs.At(path, name, detected.Confidence));
    }

    /// <summary>UTF-16 without a byte-order mark: text in Latin script has a NUL in every other byte.</summary>
    internal static System.Text.Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 8192) & ~1)];
        if (sample.Length < 4)
        {
            return null;
        }

        int evenZero = 0, oddZero = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZero += sample[i] == 0 ? 1 : 0;
            oddZero += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        if (oddZero * 10 >= pairs * 6 && evenZero * 20 <= pairs)
        {
            return System.Text.Encoding.Unicode;
        }

        if (evenZero * 10 >= pairs * 6 && oddZero * 20 <= pairs)
        {
            return System.Text.Encoding.BigEndianUnicode;
        }

        return null;
    }

    // One linear pass: invalid sequences, the offset of the first, and valid sequences of two bytes or more.
    private static (int Invalid, long FirstInvalid, int MultiByte) Utf8Census(ReadOnlySpan<byte> bytes)
    {
        int invalid = 0, multiByte = 0;
        long first = -1, at = 0;
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                multiByte += consumed > 1 ? 1 : 0;
            }
            else
            {
                invalid++;
                first = first < 0 ? at : first;
            }

            consumed = Math.Max(1, consumed);
            bytes = bytes[consumed..];
            at += consumed;
        }

        return (invalid, first, multiByte);
    }

    // Byte statistics cannot tell windows-1252 from windows-1250 well on short Western text (both share the ASCII
    // half and most punctuation); the language of the decoded text can: English, French or German read as 1252, Polish
    // as 1250.
    private static (System.Text.Encoding Encoding, string Name) SettleLatin(ReadOnlySpan<byte> bytes, System.Text.Encoding detected, string name)
    {
        var western = System.Text.Encoding.GetEncoding(1252);
        var central = System.Text.Encoding.GetEncoding(1250);
        if (detected.CodePage is 1250 or 28592)
        {
            var language = Language.LanguageIdentifier.Identify(western.GetString(bytes));
            if (language is "en" or "de" or "fr" or "es" or "it" or "nl" or "pt")
            {
                return (western, "windows-1252");
            }
        }
        else if (detected.CodePage is 1252 or 28591 or 28605 && Language.LanguageIdentifier.Identify(central.GetString(bytes)) == "pl")
        {
            return (central, "windows-1250");
        }

        return (detected, name);
    }

    /// <summary>
    /// Describes why bytes look binary, or returns null when they look like text. NUL bytes (outside UTF-16) and a high
    /// share of control characters mean binary; known magic numbers are named.
    /// </summary>
    public static string? SniffBinary(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return null;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || Utf16WithoutBom(head) is not null)
        {
            return null;
        }

        var magic = Magic(head);
        if (magic is not null)
        {
            return magic;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return "contains NUL bytes";
            }

            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C and not 0x1B)
            {
                control++;
            }
        }

        return control * 10 > head.Length ? "too many control characters" : null;
    }

    private static string? Magic(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG image",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "GIF image",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "PDF document",
        [(byte)'P', (byte)'K', 3, 4, ..] => "ZIP archive or Office document",
        [0x7F, (byte)'E', (byte)'L', (byte)'F', ..] => "ELF executable",
        [(byte)'M', (byte)'Z', ..] => "Windows executable",
        [(byte)'S', (byte)'Q', (byte)'L', (byte)'i', (byte)'t', (byte)'e', ..] => "SQLite database",
        _ => null,
    };
}
