namespace Sitrep.Brief.Rendering;

/// <summary>One file of an output set: its name in the output folder and how to write it.</summary>
/// <param name="FileName">File name, e.g. <c>brief.html</c>.</param>
/// <param name="Render">Writes the content.</param>
public sealed record OutputFile(string FileName, Action<TextWriter> Render);

/// <summary>
/// Writes a set of output files so that a reader of the folder sees the old set or the new set, never a mixture and
/// never a temporary file: everything is rendered into a staging folder beside the output folder, then renamed into
/// place, and a failure at any point leaves the files that were there before.
/// </summary>
public static class OutputFileSet
{
    /// <summary>
    /// Writes <paramref name="files"/> into <paramref name="directory"/> (created when missing) as a set; the files are
    /// rendered side by side.
    /// </summary>
    /// <returns>The paths written, in the order given.</returns>
    /// <exception cref="IOException">The folder or a file cannot be written (full disk, a folder in the way, …).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<OutputFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var target = Path.GetFullPath(directory);
        Directory.CreateDirectory(target);
        var staging = CreateStaging(target);
        try
        {
            try
            {
                Parallel.For(0, files.Count, i =>
                {
                    var output = files[i];
                    using var file = new FileStream(Path.Combine(staging, output.FileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
                    using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16);
                    output.Render(writer);
                    writer.Flush();
                    file.Flush(flushToDisk: false);
                });
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            }

            Swap(staging, target, files);
            return [.. files.Select(f => Path.Combine(directory, f.FileName))];
        }
        finally
        {
            TryDelete(staging);
        }
    }

    // Beside the output folder, so that the renames stay on one file system; inside it when its parent is not writable.
    private static string CreateStaging(string target)
    {
        var name = "." + Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar)) + ".sitrep-" + Guid.NewGuid().ToString("N")[..12];
        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar));
        if (parent is not null)
        {
            try
            {
                return Directory.CreateDirectory(Path.Combine(parent, name)).FullName;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }

        return Directory.CreateDirectory(Path.Combine(target, name)).FullName;
    }

    /// <summary>Moves the old files aside and the new ones in; on any failure puts the old ones back.</summary>
    private static void Swap(string staging, string target, IReadOnlyList<OutputFile> files)
    {
        var old = Directory.CreateDirectory(Path.Combine(staging, "old")).FullName;
        var placed = new List<string>();
        var movedAside = new List<string>();
        try
        {
            foreach (var output in files)
            {
                var destination = Path.Combine(target, output.FileName);
                if (File.Exists(destination))
                {
                    File.Move(destination, Path.Combine(old, output.FileName));
                    movedAside.Add(output.FileName);
                }

                File.Move(Path.Combine(staging, output.FileName), destination);
                placed.Add(output.FileName);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            foreach (var name in placed)
            {
                TryDelete(Path.Combine(target, name));
            }

            foreach (var name in movedAside)
            {
                File.Move(Path.Combine(old, name), Path.Combine(target, name), overwrite: true);
            }

            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A staging folder that cannot be removed is left behind rather than hiding the error that matters.
        }
    }
}
