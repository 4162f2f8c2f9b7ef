using CaseContracts.Generator.Json;
using CaseContracts.Generator.Rules;
using Xunit;

namespace CaseContracts.Generator.Tests.Rules;

/// <summary>
/// <c>multipleOf</c> at build time decides as the runtime's <c>JsonSupport.IsMultipleOf</c> (tested in the runtime's
/// tests with the same values), including numbers decimal cannot hold exactly.
/// </summary>
public sealed class MultipleOfRuleTests
{
    [Theory]
    [InlineData("0.3", "0.1", true)]
    [InlineData("0.35", "0.1", false)]
    [InlineData("1e-300", "3", false)]
    [InlineData("-1e-300", "3", false)]
    [InlineData("0", "3", true)]
    [InlineData("5", "1e-300", true)]
    public void Build_time_multiples_are_decided_as_at_run_time(string number, string divisor, bool expected)
    {
        var value = JsonTextParser.Parse(number).Root!;

        Assert.Equal(expected, new MultipleOfRule().Holds(value, divisor));
    }
}
