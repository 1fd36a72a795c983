using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>What a participant does in a claim's event.</summary>
public enum ParticipantRole
{
    /// <summary>Who acts: the subject of an active verb, the "by" phrase of a passive one.</summary>
    Agent,

    /// <summary>Who or what the act is done to: the object, the subject of a passive verb or of "die".</summary>
    Patient,

    /// <summary>Where it happens: an "in", "at", "near" phrase (for a movement, also where it goes to).</summary>
    Location,

    /// <summary>To whom: an indirect object or a "to" phrase.</summary>
    Recipient,
}

/// <summary>One participant of a claim's predicate.</summary>
/// <param name="Role">What it does in the event.</param>
/// <param name="Text">The noun phrase as written ("the regional administration building").</param>
/// <param name="Range">Where the noun phrase is written.</param>
/// <param name="Head">Where its head word is written ("building"): the entity mention covering it names the participant.</param>
public sealed record FrameParticipant(ParticipantRole Role, string Text, TextRange Range, TextRange Head);

/// <summary>Wire names of participant roles.</summary>
public static class ParticipantRoles
{
    /// <summary>The wire name of a role (<c>agent|patient|location|recipient</c>).</summary>
    public static string Of(ParticipantRole role) => role switch
    {
        ParticipantRole.Patient => "patient",
        ParticipantRole.Location => "location",
        ParticipantRole.Recipient => "recipient",
        _ => "agent",
    };

    /// <summary>The role of a wire name, or null when it names none.</summary>
    public static ParticipantRole? Parse(string? name) => name switch
    {
        "agent" => ParticipantRole.Agent,
        "patient" => ParticipantRole.Patient,
        "location" => ParticipantRole.Location,
        "recipient" => ParticipantRole.Recipient,
        _ => null,
    };
}
