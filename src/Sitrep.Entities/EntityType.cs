namespace Sitrep.Entities;

/// <summary>The four CoNLL-2003 entity types.</summary>
public enum EntityType
{
    /// <summary>A person.</summary>
    Person = 0,

    /// <summary>An organisation: companies, ministries, armed groups, parties.</summary>
    Organization = 1,

    /// <summary>A place.</summary>
    Location = 2,

    /// <summary>Anything else named: nationalities, events, products, works.</summary>
    Miscellaneous = 3,
}

/// <summary>Names of entity types as they appear in brief.json and in CoNLL tags.</summary>
public static class EntityTypes
{
    /// <summary>Number of types.</summary>
    public const int Count = 4;

    /// <summary>The brief's name: <c>PERSON|ORG|LOC|MISC</c>.</summary>
    public static string ToName(EntityType type) => type switch
    {
        EntityType.Person => "PERSON",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => "MISC",
    };

    /// <summary>The CoNLL tag suffix: <c>PER|ORG|LOC|MISC</c>.</summary>
    public static string ToConll(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => "MISC",
    };

    /// <summary>Parses a brief or CoNLL type name (case-insensitive); null when unknown.</summary>
    public static EntityType? Parse(string? name) => name?.ToUpperInvariant() switch
    {
        "PER" or "PERSON" => EntityType.Person,
        "ORG" or "ORGANIZATION" or "ORGANISATION" => EntityType.Organization,
        "LOC" or "LOCATION" or "GPE" => EntityType.Location,
        "MISC" or "MISCELLANEOUS" => EntityType.Miscellaneous,
        _ => null,
    };
}
