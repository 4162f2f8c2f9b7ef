using System.Linq;
using System.Text;
using System.Text.Json;
using CaseServer.Contract;
using Xunit;

namespace CaseServer.Tests;

/// <summary>
/// The error body stays under 64 KiB by construction, whatever a host or a validator puts in it: the worst case is
/// text that must be escaped (six bytes a character) in every field of thousands of errors.
/// </summary>
public sealed class KibanaErrorBoundTests
{
    [Fact]
    public void An_error_of_thousands_of_long_escaped_errors_is_written_in_at_most_64_KiB_of_valid_json()
    {
        var control = new string('\u0001', 10_000);
        var errors = Enumerable.Range(0, 5_000).Select(i => new ValidationError("/" + i + control, control, control, control)).ToArray();
        var error = new KibanaError(400, new string('\u0002', 100_000), errors);

        var json = Encoding.UTF8.GetBytes(error.ToJson());

        Assert.InRange(json.Length, 1, KibanaError.MaxBodyBytes);
        using var document = JsonDocument.Parse(json);
        var written = document.RootElement.GetProperty("attributes").GetProperty("errors");
        Assert.InRange(written.GetArrayLength(), 1, 4_999);
        Assert.StartsWith("/0", written[0].GetProperty("path").GetString());
        Assert.EndsWith("…", document.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void A_long_message_made_of_surrogate_pairs_is_cut_between_pairs_never_inside_one()
    {
        var error = new KibanaError(400, string.Concat(Enumerable.Repeat("😀", 10_000)));

        using var document = JsonDocument.Parse(error.ToJson());
        var message = document.RootElement.GetProperty("message").GetString()!;

        Assert.EndsWith("…", message);
        Assert.Equal(0, (message.Length - 1) % 2);
        _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(message); // no lone surrogate
    }

    [Fact]
    public void The_message_of_thousands_of_errors_stops_after_about_4096_characters()
    {
        var errors = Enumerable.Range(0, 10_000).Select(i => new ValidationError("/tags/" + i, "type", new string('x', 200), "must be a string")).ToArray();

        var message = KibanaMessages.Format(errors);

        Assert.InRange(message.Length, 4096, 4096 + 600);
        Assert.EndsWith(",…", message);
    }

    [Fact]
    public void A_short_error_is_written_whole()
    {
        var errors = new[] { new ValidationError("/title", "type", "5", "must be a string") };

        using var document = JsonDocument.Parse(new KibanaError(400, KibanaMessages.Format(errors), errors).ToJson());
        var root = document.RootElement;

        Assert.Equal("Invalid value \"5\" supplied to \"title\"", root.GetProperty("message").GetString());
        var written = Assert.Single(root.GetProperty("attributes").GetProperty("errors").EnumerateArray());
        Assert.Equal(("/title", "type", "must be a string"), (written.GetProperty("path").GetString(), written.GetProperty("keyword").GetString(), written.GetProperty("message").GetString()));
    }
}
