namespace Sitrep.Entities.Gazetteers;

/// <summary>
/// Words that tell a person's gender, written for Sitrep (not taken from any dataset): titles, relations and
/// occupations that name one gender, and common first names that are rarely given to the other. A name given to both
/// ("Jordan", "Kim", "Lindsay"… with "Lindsey") is left out: an unknown gender is safer than a wrong one.
/// </summary>
public static class GenderWords
{
    /// <summary>Titles, relations and occupations only a woman carries.</summary>
    public static readonly IReadOnlySet<string> FemaleNouns = new HashSet<string>(
        [
            "mrs", "ms", "miss", "madam", "lady", "queen", "princess", "duchess", "actress", "waitress", "wife", "mother", "mom",
            "mum", "grandmother", "daughter", "sister", "girlfriend", "bride", "widow", "woman", "girl", "chairwoman",
            "spokeswoman", "congresswoman", "councilwoman", "businesswoman", "policewoman", "sportswoman", "heiress", "nun",
            "aunt", "niece", "granddaughter", "stepmother", "fiancee", "fiancée", "matriarch", "songstress", "hostess",
        ],
        StringComparer.Ordinal);

    /// <summary>Titles, relations and occupations only a man carries.</summary>
    public static readonly IReadOnlySet<string> MaleNouns = new HashSet<string>(
        [
            "mr", "sir", "lord", "king", "prince", "duke", "husband", "father", "dad", "grandfather", "son", "brother",
            "boyfriend", "groom", "widower", "man", "boy", "chairman", "spokesman", "congressman", "councilman", "businessman",
            "policeman", "sportsman", "gunman", "uncle", "nephew", "grandson", "stepfather", "fiance", "monk", "patriarch",
            "strongman", "frontman", "assemblyman",
        ],
        StringComparer.Ordinal);

    /// <summary>Common first names given almost only to women, lowercase.</summary>
    public static readonly IReadOnlySet<string> FemaleFirstNames = new HashSet<string>(
        [
            "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy",
            "margaret", "lisa", "betty", "dorothy", "sandra", "ashley", "kimberly", "donna", "emily", "michelle", "carol",
            "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura", "sharon", "cynthia", "kathleen", "amy", "shirley",
            "angela", "helen", "anna", "brenda", "pamela", "nicole", "samantha", "katherine", "christine", "emma", "catherine",
            "debra", "virginia", "rachel", "carolyn", "janet", "maria", "heather", "diane", "julie", "joyce", "victoria",
            "christina", "joan", "evelyn", "lauren", "judith", "olivia", "martha", "cheryl", "megan", "andrea", "hannah",
            "jacqueline", "ann", "jean", "alice", "kathryn", "gloria", "teresa", "doris", "sara", "janice", "julia", "marie",
            "grace", "judy", "theresa", "beverly", "denise", "marilyn", "amber", "danielle", "abigail", "brittany",
            "rose", "diana", "natalie", "sophia", "lori", "kayla", "jane", "tiffany", "katie", "kate", "britney",
            "whitney", "oprah", "hillary", "condoleezza", "angelina", "madonna", "beyonce", "rihanna", "sonia",
            "natalia", "olga", "svetlana", "irina", "tatiana", "yulia", "elena", "anastasia", "ekaterina", "marina", "galina",
            "mariah", "gwyneth", "nadia", "fatima", "aisha",
        ],
        StringComparer.Ordinal);

    /// <summary>Common first names given almost only to men, lowercase.</summary>
    public static readonly IReadOnlySet<string> MaleFirstNames = new HashSet<string>(
        [
            "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher",
            "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian",
            "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
            "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond",
            "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary",
            "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl",
            "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "billy", "bruce",
            "albert", "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent",
            "russell", "elijah", "louis", "bobby", "philip", "phil", "johnny", "barack", "bill", "bob", "jim", "mike", "tom",
            "steve", "dave", "greg", "doug", "fred", "ben", "tony", "vladimir", "yevgeny", "evgeny", "sergei", "sergey",
            "dmitry", "dmitri", "alexei", "alexey", "aleksandr", "ivan", "nikolai", "mikhail", "andrei", "igor", "viktor",
            "oleg", "yuri", "valery", "ramzan", "volodymyr", "mohammed", "muhammad", "ahmed", "ali", "omar", "hassan",
        ],
        StringComparer.Ordinal);
}
