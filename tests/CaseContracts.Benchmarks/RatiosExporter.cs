using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace CaseContracts.Benchmarks;

/// <summary>
/// Writes <c>*-ratios.md</c>, the ratios the targets are stated in, so that a re-run gives them
/// without arithmetic by hand: for P1, every contender's time and allocation divided by CaseContracts'
/// on the same input (BenchmarkDotNet's own Ratio column is to the STJ baseline); for a benchmark with
/// one numeric parameter (P3's scaling), each time divided by the smallest parameter's.
/// </summary>
public sealed class RatiosExporter : ExporterBase
{
    /// <inheritdoc />
    protected override string FileExtension => "md";

    /// <inheritdoc />
    protected override string FileCaption => "ratios";

    /// <inheritdoc />
    public override void ExportToLog(Summary summary, ILogger logger)
    {
        var rows = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .Select(r => new Row(
                r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                string.Join(", ", r.BenchmarkCase.Parameters.Items.Select(p => p.Value?.ToString() ?? "null")),
                r.BenchmarkCase.Parameters.Items.Select(p => p.Value).OfType<int>().ToArray(),
                r.ResultStatistics!.Mean,
                r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase)))
            .ToList();

        logger.WriteLine($"# {summary.Title}: ratios");
        logger.WriteLine();
        logger.WriteLine(string.Join("; ", summary.HostEnvironmentInfo.ToFormattedString().Select(line => line.Trim())) + ".");
        logger.WriteLine();
        logger.WriteLine("Means; the full statistics are in the -report-github.md beside this file.");
        logger.WriteLine();
        if (rows.Any(r => r.Method == nameof(ParseAndValidate.CaseContracts)))
        {
            WriteRatiosToOurs(rows, logger);
        }
        else if (rows.Count > 1 && rows.All(r => r.NumericParameters.Length == 1))
        {
            WriteScaling(rows, logger);
        }
        else
        {
            logger.WriteLine("(no ratio defined for this benchmark)");
        }
    }

    private static void WriteRatiosToOurs(List<Row> rows, ILogger logger)
    {
        // The floor: STJ alone for a request body (P1), one pass of the reader for a corpus schema's documents.
        logger.WriteLine("| input | contender | time | time ÷ CaseContracts | time ÷ floor | allocated | allocated ÷ CaseContracts | allocated ÷ floor |");
        logger.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var input in rows.GroupBy(r => r.Parameters).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ours = input.FirstOrDefault(r => r.Method == nameof(ParseAndValidate.CaseContracts));
            var floor = input.FirstOrDefault(r => r.Method is nameof(ParseAndValidate.SystemTextJson) or nameof(CorpusValidation.ReadOnce));
            foreach (var row in input.OrderBy(r => r.MeanNanoseconds))
            {
                logger.WriteLine($"| {input.Key} | {row.Display} | {Time(row.MeanNanoseconds)} | {Ratio(row.MeanNanoseconds, ours?.MeanNanoseconds)} | {Ratio(row.MeanNanoseconds, floor?.MeanNanoseconds)} | {Bytes(row.AllocatedBytes)} | {Ratio(row.AllocatedBytes, ours?.AllocatedBytes)} | {Ratio(row.AllocatedBytes, floor?.AllocatedBytes)} |");
            }
        }
    }

    private static void WriteScaling(List<Row> rows, ILogger logger)
    {
        logger.WriteLine("| benchmark | parameter | time | time ÷ time at the smallest parameter | allocated | allocated ÷ at the smallest |");
        logger.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var benchmark in rows.GroupBy(r => r.Display))
        {
            var smallest = benchmark.OrderBy(r => r.NumericParameters[0]).First();
            foreach (var row in benchmark.OrderBy(r => r.NumericParameters[0]))
            {
                logger.WriteLine($"| {row.Display} | {row.Parameters} | {Time(row.MeanNanoseconds)} | {Ratio(row.MeanNanoseconds, smallest.MeanNanoseconds)} | {Bytes(row.AllocatedBytes)} | {Ratio(row.AllocatedBytes, smallest.AllocatedBytes)} |");
            }
        }
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e6 => (nanoseconds / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (nanoseconds / 1e3).ToString("N2", CultureInfo.InvariantCulture) + " µs",
        _ => nanoseconds.ToString("N0", CultureInfo.InvariantCulture) + " ns",
    };

    private static string Bytes(long? bytes) => bytes is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) + " B" : "?";

    private static string Ratio(double? value, double? reference)
        => value is { } v && reference is { } r && r > 0 ? (v / r).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "?";

    private sealed record Row(string Method, string Display, string Parameters, int[] NumericParameters, double MeanNanoseconds, long? AllocatedBytes);
}
