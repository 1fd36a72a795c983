namespace Sitrep.Entities.Gazetteers;

/// <summary>What a gazetteer phrase is; a phrase may be several (Georgia is a country and a city).</summary>
[Flags]
public enum GazetteerCategory : byte
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A country or territory (world-countries: common, official and alternative names).</summary>
    Country = 1,

    /// <summary>A city or town (GeoNames cities).</summary>
    City = 2,

    /// <summary>A first-level administrative region (GeoNames admin1).</summary>
    Region = 4,

    /// <summary>A common English first name.</summary>
    FirstName = 8,

    /// <summary>A nationality adjective or demonym (Russian, Belarusian).</summary>
    Demonym = 16,

    /// <summary>A word that heads organisation names (ministry, party, group, bank).</summary>
    OrgWord = 32,

    /// <summary>A title or role that precedes a person's name (president, general, minister).</summary>
    Title = 64,

    /// <summary>A capital city.</summary>
    Capital = 128,
}
