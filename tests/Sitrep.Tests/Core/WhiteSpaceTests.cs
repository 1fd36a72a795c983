using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Sitrep.Text;

namespace Sitrep.Tests.Core;

public sealed class WhiteSpaceTests
{
    [Theory]
    [InlineData("one line", "one line")]
    [InlineData("two\nlines", "two lines")]
    [InlineData("  padded\t\r\n text  ", "padded text")]
    [InlineData("thin\u2009space and  double", "thin space and double")]
    [InlineData("", "")]
    [InlineData(" \n ", "")]
    public void OneLineTurnsEveryRunOfWhiteSpaceIntoOneSpace(string text, string expected) =>
        WhiteSpace.OneLine(text).ShouldBe(expected);

    [Fact]
    public void OneLineAgreesWithSplittingOnWhiteSpaceAndJoiningWithSpaces()
    {
        var gen = Gen.ArrayOf(Gen.Elements("a", "bc", " ", "  ", "\n", "\t", "\u2009", "\u00a0", "x\r\ny")).Select(parts => string.Concat(parts));
        Prop.ForAll(gen.ToArbitrary(), text =>
            WhiteSpace.OneLine(text).ShouldBe(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))).QuickCheckThrowOnFailure();
    }
}
