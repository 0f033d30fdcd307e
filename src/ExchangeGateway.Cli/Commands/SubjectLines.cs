using System.Globalization;
using ExchangeGateway.Core.Subjects;

namespace ExchangeGateway.Cli.Commands;

/// <summary>One line of a person's subject report, as <c>exgw report subject</c> and the demo print it.</summary>
internal static class SubjectLines
{
    public static string Format(string gateway, SubjectAccess access) => string.Create(CultureInfo.InvariantCulture,
        $"{gateway,-18} {access.At:yyyy-MM-dd HH:mm:ss.fff} {access.Side,-8} {access.Client} -> {access.Service} " +
        $"{access.Method}; user {OrNone(access.UserId)}; issue {OrNone(access.Issue)}; {access.Outcome}; " +
        $"message {access.MessageId}");

    /// <summary>An empty user or issue as the lines print it.</summary>
    public static string OrNone(string value) => value.Length == 0 ? "(none)" : value;
}
