namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>A place where visa applications are lodged, with the code that prefixes its application numbers.</summary>
internal sealed record Consulate(string Code, string Name)
{
    public static readonly Consulate EVisa = new("EV", "e-Visa online service");
    public static readonly Consulate Ankara = new("ANK", "Embassy of the Republic of Moldova in Ankara");
    public static readonly Consulate Beijing = new("PEK", "Embassy of the Republic of Moldova in Beijing");
    public static readonly Consulate Cairo = new("CAI", "Embassy of the Republic of Moldova in Cairo");
    public static readonly Consulate Doha = new("DOH", "Embassy of the Republic of Moldova in Doha");
    public static readonly Consulate NewDelhi = new("DEL", "Embassy of the Republic of Moldova in New Delhi");
}
