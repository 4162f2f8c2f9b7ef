using System.IO;
using CaseServer.Security;
using Xunit;

namespace CaseServer.Tests;

/// <summary>The documented way to make a password hash for <c>CaseServer:Users:&lt;name&gt;:PasswordHash</c>.</summary>
public sealed class HashPasswordTests
{
    [Fact]
    public void Hash_password_prints_a_salted_hash_that_verifies_only_its_password()
    {
        var printed = new StringWriter();

        var exitCode = HashPasswordCommand.Run(new StringReader("s3cret pass\n"), printed, new StringWriter(), interactive: false);

        Assert.Equal(0, exitCode);
        var line = printed.ToString().Trim();
        Assert.StartsWith("PBKDF2-SHA256$600000$", line);
        Assert.True(PasswordHash.TryParse(line, out var hash, out _));
        Assert.True(hash!.Matches("s3cret pass"));
        Assert.False(hash.Matches("s3cret pas"));
        Assert.NotEqual(line, PasswordHash.Create("s3cret pass", 600_000)); // a fresh salt every time
    }

    [Fact]
    public void Hash_password_without_a_password_fails_and_says_how_to_give_one()
    {
        var error = new StringWriter();

        var exitCode = HashPasswordCommand.Run(new StringReader(string.Empty), new StringWriter(), error, interactive: false);

        Assert.Equal(1, exitCode);
        Assert.Contains("hash-password", error.ToString());
    }

    [Theory]
    [InlineData("changeme")]
    [InlineData("PBKDF2-SHA256$0$AAAA$AAAA")]
    [InlineData("PBKDF2-SHA256$1000$not-base64!$AAAA")]
    [InlineData("PBKDF2-SHA256$1000$AAAA$AAAA")] // a key of the wrong length
    public void Something_that_is_not_a_hash_is_refused(string text)
    {
        Assert.False(PasswordHash.TryParse(text, out _, out var problem));
        Assert.NotEmpty(problem);
    }
}
