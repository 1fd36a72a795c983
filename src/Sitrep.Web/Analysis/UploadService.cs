using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Web.Analysis;

/// <summary>What became of one uploaded file.</summary>
/// <param name="Name">The name it was sent under.</param>
/// <param name="Accepted">True when it was kept and journalled for analysis; false when it repeats an earlier upload or is empty.</param>
/// <param name="Message">What happened, in words.</param>
public sealed record UploadOutcome(string Name, bool Accepted, string Message);

/// <summary>
/// Keeps uploaded files beside the store and journals them: the bytes are written to a temporary file, flushed to the
/// disk, renamed into place and only then recorded, so an upload that was acknowledged survives a crash and one that
/// was not leaves at most a temporary file. The same content uploaded twice is kept once.
/// </summary>
public sealed class UploadService(WorkbenchOptions options, Story.StoryService story, AnalysisWorker worker)
{
    /// <summary>Keeps <paramref name="content"/> and queues it for analysis.</summary>
    public async Task<UploadOutcome> AcceptAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        var directory = options.UploadDirectory;
        Directory.CreateDirectory(directory);
        var safe = SafeName(name);
        var temp = Path.Combine(directory, ".part-" + Guid.NewGuid().ToString("N"));
        string sha;
        long length;
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                length = 0;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > options.MaxFileBytes)
                    {
                        return new UploadOutcome(name, false, $"'{name}': " + Errors.SitrepErrors.TooLarge.Format(length, options.MaxFileBytes));
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                file.Flush(flushToDisk: true);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (length == 0)
            {
                return new UploadOutcome(name, false, $"'{name}': " + Errors.SitrepErrors.Empty.Format());
            }

            var final = Path.Combine(directory, sha[..16] + "-" + safe);
            File.Move(temp, final, overwrite: true);
            if (!story.Store.JournalUpload(sha, name, final, DateTimeOffset.UtcNow))
            {
                return new UploadOutcome(name, false, $"'{name}' was uploaded before; it is kept once.");
            }

            worker.Wake();
            return new UploadOutcome(name, true, $"'{name}' received ({length:N0} bytes); it is being analysed.");
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>A file name with only letters, digits, dot, dash and underscore, never empty, never hidden.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var leaf = name.Replace('\\', '/').Split('/')[^1];
        var sb = new StringBuilder();
        foreach (var c in leaf)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var safe = sb.ToString().TrimStart('.');
        return safe.Length == 0 ? "upload.txt" : safe.Length > 100 ? safe[^100..] : safe;
    }
}
