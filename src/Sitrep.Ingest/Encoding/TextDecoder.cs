using System.Text;
using Sitrep.Errors;
using UtfUnknown;

namespace Sitrep.Ingest.Encoding;

/// <summary>
/// Turns bytes into text without losing any: byte-order marks are honoured, strict UTF-8 is tried first, and only when
/// it fails is the encoding detected (UTF.Unknown, a port of Mozilla's detector). A detected legacy encoding yields a
/// warning; an encoding that cannot be detected with confidence yields an error and the file is not analysed.
/// </summary>
public static class TextDecoder
{
    private const float MinimumConfidence = 0.5f;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; returns the text and an optional warning, or null text and an error.</summary>
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

        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            var result = CharsetDetector.DetectFromBytes(bytes.ToArray());
            var detected = result.Detected;
            if (detected?.Encoding is null || detected.Confidence < MinimumConfidence || detected.Encoding.CodePage == 65001)
            {
                var what = detected is null ? "no candidate" : $"best guess {detected.EncodingName} at {detected.Confidence:P0}";
                return (null, SitrepErrors.Undecodable.At(path, what));
            }

            return (detected.Encoding.GetString(bytes), SitrepErrors.DecodedAs.At(path, detected.EncodingName, detected.Confidence));
        }
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

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
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
