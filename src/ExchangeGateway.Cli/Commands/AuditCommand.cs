using System.CommandLine;

namespace ExchangeGateway.Cli.Commands;

/// <summary><c>exgw audit</c>: makes audit API keys and calls a gateway's audit endpoint.</summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "A gateway's audit API: make keys, search the message log, " +
        "fetch a message's evidence, download archives")
    {
        AuditKeyCommand.Create(),
        AuditSearchCommand.Create(),
        AuditEvidenceCommand.Create(),
        AuditArchiveCommand.Create(),
    };
}
