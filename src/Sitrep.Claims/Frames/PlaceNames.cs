namespace Sitrep.Claims.Frames;

/// <summary>
/// Other names of one place (exonyms, former and local names: "Salonika" is Thessaloniki, "Bombay" is Mumbai), so that
/// two sources' figures for one city meet whichever name they write. Lower case in, lower case out.
/// </summary>
public static class PlaceNames
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["salonika"] = "thessaloniki",
        ["salonica"] = "thessaloniki",
        ["bombay"] = "mumbai",
        ["calcutta"] = "kolkata",
        ["madras"] = "chennai",
        ["bangalore"] = "bengaluru",
        ["peking"] = "beijing",
        ["canton"] = "guangzhou",
        ["kiev"] = "kyiv",
        ["kharkov"] = "kharkiv",
        ["odessa"] = "odesa",
        ["lvov"] = "lviv",
        ["rangoon"] = "yangon",
        ["saigon"] = "ho chi minh city",
        ["leghorn"] = "livorno",
        ["flushing"] = "vlissingen",
        ["constantinople"] = "istanbul",
        ["smyrna"] = "izmir",
        ["bytown"] = "ottawa",
        ["danzig"] = "gdansk",
        ["breslau"] = "wroclaw",
        ["pressburg"] = "bratislava",
        ["tiflis"] = "tbilisi",
        ["alma-ata"] = "almaty",
        ["peshawur"] = "peshawar",
        ["dacca"] = "dhaka",
        ["benares"] = "varanasi",
        ["poona"] = "pune",
        ["mukden"] = "shenyang",
        ["batavia"] = "jakarta",
        ["leopoldville"] = "kinshasa",
        ["salisbury"] = "harare",
        ["bombay city"] = "mumbai",
        ["athina"] = "athens",
        ["lisboa"] = "lisbon",
        ["roma"] = "rome",
        ["napoli"] = "naples",
        ["firenze"] = "florence",
        ["venezia"] = "venice",
        ["milano"] = "milan",
        ["torino"] = "turin",
        ["genova"] = "genoa",
        ["muenchen"] = "munich",
        ["munchen"] = "munich",
        ["koln"] = "cologne",
        ["wien"] = "vienna",
        ["praha"] = "prague",
        ["warszawa"] = "warsaw",
        ["moskva"] = "moscow",
        ["bruxelles"] = "brussels",
        ["brussel"] = "brussels",
        ["den haag"] = "the hague",
        ["teheran"] = "tehran",
    };

    /// <summary>The name a place is known by in these figures, lower case: its canonical name, or itself.</summary>
    /// <param name="place">A place name, lower case.</param>
    public static string Of(string place) => Canonical.TryGetValue(place, out var name) ? name : place;
}
