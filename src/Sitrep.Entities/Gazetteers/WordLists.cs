namespace Sitrep.Entities.Gazetteers;

/// <summary>Small word lists written for Sitrep (not taken from any dataset).</summary>
public static class WordLists
{
    // Written for Sitrep, in our own words: heads of organisation names and titles that precede a person's name.
    /// <summary>Words that head organisation names.</summary>
    public static readonly IReadOnlyList<string> OrgWords =
    [
        "ministry", "ministries", "department", "party", "group", "company", "corporation", "corp", "inc", "ltd", "plc", "bank",
        "agency", "council", "committee", "commission", "union", "association", "federation", "institute", "university",
        "army", "navy", "forces", "force", "guard", "service", "services", "office", "parliament", "assembly", "court",
        "club", "fc", "united", "news", "times", "post", "journal", "press", "television", "tv", "radio", "network", "airlines",
        "organization", "organisation", "alliance", "front", "movement", "brigade", "battalion", "regiment", "division",
        "foundation", "fund", "church", "police", "kremlin", "pentagon", "duma", "senate", "congress", "board", "bureau",
        "holdings", "group's", "co", "security", "intelligence", "directorate", "staff", "command", "centre", "center",
    ];

    /// <summary>Titles and roles that precede a person's name.</summary>
    public static readonly IReadOnlyList<string> Titles =
    [
        "president", "prime", "minister", "general", "gen", "gen.", "colonel", "col", "col.", "major", "maj", "maj.", "captain",
        "capt", "capt.", "lieutenant", "lt", "lt.", "sergeant", "sgt", "admiral", "adm", "marshal", "commander", "chief", "mr",
        "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "king", "queen", "prince", "princess", "pope",
        "senator", "sen", "sen.", "rep", "rep.", "governor", "gov", "gov.", "mayor", "judge", "justice", "ambassador",
        "secretary", "chancellor", "premier", "leader", "spokesman", "spokeswoman", "spokesperson", "director", "chairman",
        "chairwoman", "ceo", "founder", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "st", "st.",
        "saint", "father", "rev", "rev.", "reverend", "sheikh", "ayatollah", "patriarch", "commissioner", "deputy", "vice",
        "former", "late", "defense", "defence", "foreign", "finance", "interior", "head", "boss", "oligarch", "businessman",
        "warlord", "mercenary", "blogger", "analyst", "professor", "prof", "prof.", "officer", "envoy", "dictator",
    ];

    /// <summary>Occupations and relations written before a person's name in news ("Actress", "Quarterback", "Prosecuting Attorney").</summary>
    public static readonly IReadOnlyList<string> PersonRoles =
    [
        "actress", "actor", "singer", "rapper", "star", "model", "comedian", "musician", "guitarist", "drummer", "producer", "author",
        "writer", "journalist", "reporter", "editor", "anchor", "host", "quarterback", "qb", "rb", "wr", "linebacker", "receiver",
        "pitcher", "player", "forward", "champion", "champ", "boxer", "golfer", "skier", "climber", "mountaineer", "attorney",
        "prosecutor", "prosecuting", "lawyer", "counsel", "sheriff", "detective", "trooper", "agent", "inspector", "constable",
        "superintendent", "cop", "congressman", "congresswoman", "councilman", "councilwoman", "assemblyman", "lawmaker",
        "doctor", "surgeon", "nurse", "pilot", "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister",
        "girlfriend", "boyfriend", "suspect", "victim", "teen", "teenager", "gunman", "designer", "executive", "ceo", "cfo",
        "founder", "co-founder", "chairman", "chairwoman", "spokesman", "spokeswoman", "strongman", "rebel", "militant",
    ];
}
