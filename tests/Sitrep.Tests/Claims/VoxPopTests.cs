using Shouldly;
using Sitrep.Claims.Timeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Claims;

/// <summary>A passer-by's words give the mood of the street, not when something happened (brief12).</summary>
public sealed class VoxPopTests
{
    private static List<string> VoxPops(string text)
    {
        var doc = Some.Analyzed(text);
        return [.. VoxPop.Sentences(text, [.. doc.Sentences.Select(s => s.Range)]).Select(r => text[r.Start..r.End])];
    }

    [Fact]
    public void TheQuotedWordsOfAnUnnamedResident_AreAVoxPop()
    {
        const string text = "The port reopened on Thursday.\n\n\"On Tuesday they said the strike was over. On Wednesday they said it was not,\" said one retiree waiting at the gate. \"Today I have no idea.\"\n";
        VoxPops(text).ShouldBe([
            "\"On Tuesday they said the strike was over.",
            "On Wednesday they said it was not,\" said one retiree waiting at the gate.",
            "\"Today I have no idea.\"",
        ]);
    }

    [Fact]
    public void WhatSeveralResidentsSaid_IsAVoxPop_AndTheEventBesideItIsNot()
    {
        const string text = "Crews cleared the quay on Friday. Several residents interviewed by a local paper said they still did not know why the strike had ended.\n";
        VoxPops(text).ShouldBe(["Several residents interviewed by a local paper said they still did not know why the strike had ended."]);
    }

    [Theory]
    [InlineData("\"We closed the gates at 06:00 on Monday,\" said a port spokesman.")]
    [InlineData("\"I saw the fire start at 05:40,\" said a man who works at the depot.")]
    [InlineData("Two residents were injured on Monday and the police said the fire was arson.")]
    public void AnOfficialOrAWitnessOrAnEventInvolvingResidents_IsNoVoxPop(string text) => VoxPops(text).ShouldBeEmpty();
}
