using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Registries.Tests.Fakes;

internal sealed record LogEntry(
    string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);
