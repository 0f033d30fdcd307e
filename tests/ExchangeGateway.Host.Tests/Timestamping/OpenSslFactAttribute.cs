namespace ExchangeGateway.Host.Tests.Timestamping;

/// <summary>A fact that is skipped, and says why, when <c>openssl</c> is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class OpenSslFactAttribute : FactAttribute
{
    public OpenSslFactAttribute()
    {
        if (OpenSslTool.Executable is null)
        {
            Skip = "openssl is not on PATH";
        }
    }
}
