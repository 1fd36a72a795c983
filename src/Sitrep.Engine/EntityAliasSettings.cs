using Sitrep.Entities.Aliases;
using Sitrep.Errors;
using Sitrep.Storage;

namespace Sitrep.Engine;

/// <summary>
/// Keeps the analyst's entity decisions in the store (<see cref="AliasDecisions.SettingKey"/>), so they survive
/// re-analysis: decisions from a new aliases file are added after the stored ones and win where they name the same
/// entity.
/// </summary>
public static class EntityAliasSettings
{
    /// <summary>Reads the stored decisions, adds those of <paramref name="aliasesPath"/> (when given), stores and returns the result.</summary>
    /// <exception cref="SitrepException">The aliases file cannot be read or has a bad line (SR6001).</exception>
    public static AliasDecisions Load(IDocumentStore store, string? aliasesPath)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = AliasDecisions.FromJson(store.GetSetting(AliasDecisions.SettingKey));
        if (aliasesPath is null)
        {
            return stored;
        }

        AliasDecisions added;
        try
        {
            added = AliasDecisions.Parse(File.ReadAllText(aliasesPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw SitrepErrors.AliasesInvalid.Exception(aliasesPath, ex.Message.TrimEnd('.'));
        }

        var merged = stored.Then(added);
        store.SetSetting(AliasDecisions.SettingKey, merged.ToJson());
        return merged;
    }
}
