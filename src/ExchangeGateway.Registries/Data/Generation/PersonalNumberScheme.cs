namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>Which national personal number, if any, a state prints in the passport's optional data.</summary>
internal enum PersonalNumberScheme
{
    /// <summary>The optional data is left empty.</summary>
    None,

    /// <summary>Ukrainian record number: the date of birth as YYYYMMDD and five digits.</summary>
    UkrainianRecordNumber,

    /// <summary>Turkish identity number: eleven digits, the last two check digits.</summary>
    TurkishIdentityNumber,
}
