using Sitrep.Documents;
using Sitrep.Ingest.Sources;
using Sitrep.Storage;

namespace Sitrep.Engine;

/// <summary>
/// Keeps the analyst's sources file in the store, so it is set once and applies to every later run: the outlets of a
/// new file are added to the stored ones and replace those of the same name.
/// </summary>
public static class SourceSettings
{
    /// <summary>Reads the stored outlets, adds those of <paramref name="sourcesPath"/> (when given), stores and returns the result.</summary>
    /// <exception cref="Errors.SitrepException">The sources file cannot be read (SR3004); bad cells are in <see cref="OutletCatalog.Errors"/>.</exception>
    public static OutletCatalog Load(ISourceStore store, string? sourcesPath)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = OutletCatalog.Of(store.Outlets().Select(o => new Outlet(
            o.Name,
            o.Reliability is { Length: 1 } r && Enum.TryParse<Reliability>(r, out var grade) ? grade : null,
            o.Notes,
            o.Aliases)));
        if (sourcesPath is null)
        {
            return stored;
        }

        var added = OutletCatalog.Load(sourcesPath);
        store.SaveOutlets([.. added.Outlets.Select(o => new StoredOutlet(o.Name, o.Reliability?.ToString(), o.Notes, o.Aliases))]);
        return stored.Then(added);
    }
}
