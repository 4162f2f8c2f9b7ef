using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using CaseContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CaseContracts.Generator.Tests.Generation;

/// <summary>
/// An unrelated contract (orders with a payment-method union discriminated by <c>kind</c>, a local
/// <c>#/definitions</c> reference, an array of inline objects) generates, compiles and round-trips:
/// nothing in the generator is specific to Kibana cases.
/// </summary>
public sealed class SecondSchemaSetTests
{
    private const string Consumer = """
        namespace Consumer
        {
            public static class Orders
            {
                public static string RoundTrip(string json) => global::Shop.Order.Parse(json).ToJson();

                public static string PaymentKind(string json) => global::Shop.Order.Parse(json).Payment.Match(
                    card: c => "card ending " + c.Number.Substring(c.Number.Length - 4),
                    bankTransfer: b => "transfer from " + b.Iban,
                    cash: _ => "cash");

                public static string CustomerName(string json) => global::Shop.Order.Parse(json).Customer.Name;
            }
        }
        """;

    private static readonly Lazy<(GeneratorHarnessResult Result, Type Orders)> s_compiled = new(() =>
    {
        var result = GeneratorHarness.Run(
            new ContractGenerator(),
            SchemaFiles.LoadTestSchemas("orders", "*.schema.json"),
            [Consumer],
            globalOptions: new System.Collections.Generic.Dictionary<string, string> { ["build_property.CaseContractsNamespace"] = "Shop" });
        return (result, result.EmitAndLoad().GetType("Consumer.Orders", throwOnError: true)!);
    });

    [Fact]
    public void Orders_schema_set_generates_without_diagnostics_and_compiles_cleanly()
    {
        var result = s_compiled.Value.Result;

        Assert.Empty(result.GeneratorDiagnostics);
        result.AssertCompilesWithoutWarnings();
        Assert.Contains("Shop.PaymentMethod.BankTransfer.g.cs", result.GeneratedSources.Keys);
        Assert.Contains("Shop.Customer.g.cs", result.GeneratedSources.Keys);
        Assert.Contains("Shop.OrderLine.g.cs", result.GeneratedSources.Keys);
    }

    [Theory]
    [InlineData("order-card.json", "card ending ")]
    [InlineData("order-bank-transfer.json", "transfer from DE89370400440532013000")]
    [InlineData("order-cash.json", "cash")]
    public void Payment_union_selects_the_variant_by_kind(string example, string expectedPrefix)
    {
        var kind = Call("PaymentKind", Example(example));

        Assert.StartsWith(expectedPrefix, kind);
    }

    [Theory]
    [InlineData("order-card.json")]
    [InlineData("order-bank-transfer.json")]
    [InlineData("order-cash.json")]
    public void Example_orders_round_trip_to_equivalent_json(string example)
    {
        var original = JsonNode.Parse(Example(example))!;

        var written = JsonNode.Parse(Call("RoundTrip", Example(example)))!;

        // Optional nullable keys are always written (as null): compare after filling them in.
        original["notes"] ??= null;
        original["customer"]!["email"] ??= null;
        if (original["payment"]!["kind"]!.GetValue<string>() == "bank_transfer")
        {
            original["payment"]!["bic"] ??= null;
        }

        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }

    [Fact]
    public void Local_definition_reference_binds_to_its_own_record()
    {
        Assert.Equal("Grace Hopper", Call("CustomerName", Example("order-bank-transfer.json")));
    }

    private static string Example(string name)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestSchemas", "orders", "examples", name));

    private static string Call(string method, string json)
    {
        try
        {
            return (string)s_compiled.Value.Orders.GetMethod(method)!.Invoke(null, [json])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
