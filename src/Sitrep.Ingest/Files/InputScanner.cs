using Sitrep.Errors;

namespace Sitrep.Ingest.Files;

/// <summary>
/// Expands the paths and globs an analyst gives into a sorted, de-duplicated list of files. Directories are walked
/// recursively; symbolic links that lead back into a directory already on the walk are reported as
/// <see cref="SitrepErrors.DirectoryLoop"/> instead of being followed forever, and a directory or file reached along
/// several routes is read once, by its real path. The kind of a file (regular, pipe, device) is checked by
/// <see cref="FileLoader"/> before anything is opened.
/// </summary>
public static class InputScanner
{
    private const int MaxDepth = 64;

    /// <summary>Expands <paramref name="inputs"/> relative to <paramref name="workingDirectory"/>.</summary>
    public static InputScan Scan(IEnumerable<string> inputs, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        var files = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        var errors = new List<SitrepError>();
        foreach (var input in inputs)
        {
            var matched = 0;
            var errorsBefore = errors.Count;
            if (Glob.IsPattern(input))
            {
                var (baseDir, rest) = Glob.SplitBase(input);
                var glob = Glob.Parse(rest);
                var root = Path.GetFullPath(baseDir, workingDirectory);
                if (Directory.Exists(root))
                {
                    matched += Walk(root, root, workingDirectory, files, errors, glob);
                }
            }
            else
            {
                var full = Path.GetFullPath(input, workingDirectory);
                if (Directory.Exists(full))
                {
                    matched += Walk(full, full, workingDirectory, files, errors, glob: null);
                }
                else if (File.Exists(full) || FileKinds.Of(full) != FileKind.Missing || IsSpecial(full))
                {
                    Add(full, workingDirectory, files, errors);
                    matched++;
                }
            }

            if (matched == 0 && errors.Count == errorsBefore)
            {
                errors.Add(SitrepErrors.NotFound.At(input, input));
            }
        }

        var sorted = files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToList();
        return new InputScan(sorted, errors);
    }

    private static bool IsSpecial(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists || (info.Attributes != (FileAttributes)(-1) && !info.Attributes.HasFlag(FileAttributes.Directory));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int Walk(string root, string start, string workingDirectory, Dictionary<string, InputFile> files, List<SitrepError> errors, Glob? glob)
    {
        // Each frame carries the canonical paths of its ancestors, so a link back up the tree is seen as a loop.
        // Every directory is read once, by its real path: links that reach one folder along many routes (a diamond,
        // or a chain of folders each linking twice to the next) would otherwise multiply the walk exponentially.
        var matched = 0;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Path, string Canonical, ImmutableAncestors Ancestors, int Depth)>();
        var startCanonical = Canonical(start);
        stack.Push((start, startCanonical, ImmutableAncestors.Empty.With(startCanonical), 0));
        while (stack.Count > 0)
        {
            var (dir, canonical, ancestors, depth) = stack.Pop();
            if (!visited.Add(canonical))
            {
                continue;
            }

            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(dir);
            }
            catch (UnauthorizedAccessException)
            {
                errors.Add(SitrepErrors.AccessDenied.At(Display(dir, workingDirectory)));
                continue;
            }
            catch (IOException ex)
            {
                errors.Add(SitrepErrors.ReadFailed.At(Display(dir, workingDirectory), ex.Message));
                continue;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                var entry = entries[i];
                if (Directory.Exists(entry))
                {
                    var info = new DirectoryInfo(entry);
                    var childCanonical = info.LinkTarget is null ? Path.Combine(canonical, info.Name) : Canonical(entry);
                    if (ancestors.Contains(childCanonical))
                    {
                        errors.Add(SitrepErrors.DirectoryLoop.At(Display(entry, workingDirectory), Display(entry, workingDirectory), Display(childCanonical, workingDirectory)));
                        continue;
                    }

                    if (depth + 1 > MaxDepth)
                    {
                        errors.Add(SitrepErrors.ReadFailed.At(Display(entry, workingDirectory), $"directory nesting deeper than {MaxDepth} levels; skipped"));
                        continue;
                    }

                    stack.Push((entry, childCanonical, ancestors.With(childCanonical), depth + 1));
                }
                else
                {
                    if (Path.GetFileName(entry).StartsWith('.'))
                    {
                        continue; // hidden files (.DS_Store, editor swap files) are not reports
                    }

                    if (glob is not null && !glob.IsMatch(Path.GetRelativePath(root, entry)))
                    {
                        continue;
                    }

                    Add(entry, workingDirectory, files, errors, Path.Combine(canonical, Path.GetFileName(entry)));
                    matched++;
                }
            }
        }

        return matched;
    }

    // Files are keyed by their real path, so one file reached through several links is read once.
    private static void Add(string full, string workingDirectory, Dictionary<string, InputFile> files, List<SitrepError> errors, string? canonical = null)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is not null && !File.Exists(full) && FileKinds.Of(full) == FileKind.Missing)
        {
            errors.Add(SitrepErrors.ReadFailed.At(Display(full, workingDirectory), "broken symbolic link"));
            return;
        }

        var key = info.LinkTarget is not null ? Canonical(full) : canonical ?? Canonical(full);
        files.TryAdd(key, new InputFile(full, Display(full, workingDirectory)));
    }

    /// <summary>The path relative to the working directory when inside it, else absolute; always with forward slashes.</summary>
    public static string Display(string full, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        var relative = Path.GetRelativePath(workingDirectory, full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        // Only the platform's own separator becomes '/': on Unix a backslash is an ordinary character of a file name.
        return Path.DirectorySeparatorChar == '/' ? shown : shown.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Resolves every symbolic link on the path, component by component.</summary>
    public static string Canonical(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var root = Path.GetPathRoot(full) ?? "/";
            var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            var resolved = true;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                if (info.LinkTarget is { } target)
                {
                    var targetFull = Path.GetFullPath(target, current);
                    full = Path.Combine([targetFull, .. parts[(i + 1)..]]);
                    resolved = false;
                    break;
                }

                current = next;
            }

            if (resolved)
            {
                return current;
            }
        }

        return full;
    }

    private sealed class ImmutableAncestors
    {
        private readonly string? _path;
        private readonly ImmutableAncestors? _parent;

        private ImmutableAncestors(string? path, ImmutableAncestors? parent)
        {
            _path = path;
            _parent = parent;
        }

        public static ImmutableAncestors Empty { get; } = new(null, null);

        public ImmutableAncestors With(string path) => new(path, this);

        public bool Contains(string path)
        {
            for (var node = this; node is not null; node = node._parent)
            {
                if (string.Equals(node._path, path, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>The files found and the inputs that could not be expanded.</summary>
/// <param name="Files">Files, sorted by display path.</param>
/// <param name="Errors">Error entries (not found, loops, unreadable directories).</param>
public sealed record InputScan(IReadOnlyList<InputFile> Files, IReadOnlyList<SitrepError> Errors);
