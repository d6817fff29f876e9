namespace WardTwin.DeviceData.Hl7;

/// <summary>One IEEE 11073-10101 (MDC) term: its context-free code (partition × 65536 + term code) and reference id.</summary>
public sealed record MdcCode(int Code, string RefId)
{
    /// <summary>As an HL7 v2 CWE/CE triplet: code^refid^MDC.</summary>
    public string Cwe => $"{Code}^{RefId}^MDC";
}

/// <summary>A unit: its MDC dimension code and its UCUM symbol, written as both in OBX-6 (code^refid^MDC^ucum^ucum^UCUM).</summary>
public sealed record MdcUnit(MdcCode Mdc, string Ucum)
{
    public string Cwe => $"{Mdc.Code}^{Mdc.RefId}^MDC^{Ucum}^{Ucum}^UCUM";
}
