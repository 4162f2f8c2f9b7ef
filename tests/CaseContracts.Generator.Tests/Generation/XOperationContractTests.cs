using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// tests/data/x-operation-contract is schema/ with the operation declared by the <c>x-operation</c> shorthand: the
/// copy must not drift from the contract it stands for, or the shorthand's tests would test another contract.
/// </summary>
public sealed class XOperationContractTests
{
    private static readonly string Copy = Path.Combine(AppContext.BaseDirectory, "x-operation-contract");
    private static readonly string Repository = Path.Combine(AppContext.BaseDirectory, "schema");

    [Fact]
    public void Every_file_of_the_copy_equals_its_schema_twin_apart_from_x_operation()
    {
        var files = Directory.EnumerateFiles(Copy, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Copy, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var copy = JsonNode.Parse(File.ReadAllText(Path.Combine(Copy, file)))!.AsObject();
            copy.Remove("x-operation");
            var twin = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository, file)));
            Assert.True(JsonNode.DeepEquals(copy, twin), $"{file} differs from schema/{file} beyond x-operation: copy it again.");
        }
    }

    [Fact]
    public void Only_the_request_schema_of_the_copy_declares_the_operation()
    {
        var declaring = Directory.EnumerateFiles(Copy, "*.json", SearchOption.AllDirectories)
            .Where(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject().ContainsKey("x-operation"))
            .Select(Path.GetFileName);

        Assert.Equal(["create-case-request.schema.json"], declaring);
        Assert.DoesNotContain("x-operation", File.ReadAllText(Path.Combine(Repository, "create-case-request.schema.json")));
    }
}
