using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// The line protocol between the benchmark and its role processes: a line <c>@@KIND {json}</c> on standard
/// output is a message; every other line is the process's own output, kept in its log file.
/// </summary>
internal static class ReadyLine
{
    public const string Prefix = "@@";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A window without a successful call has no percentiles: NaN, written as such.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(string kind, T body)
    {
        var line = $"{Prefix}{kind} {JsonSerializer.Serialize(body, Json)}";
        lock (Console.Out)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
