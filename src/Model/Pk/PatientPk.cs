namespace WardTwin.Model.Pk;

/// <summary>One patient's individual PK constants (after covariates and variability), litres and hours.</summary>
public sealed record PatientPk(
    double ClSLPerH, double ClRLPerH,
    double VcL, double Q1LPerH, double Vp1L, double Q2LPerH, double Vp2L,
    double NorketamineFm, double NorketamineClLPerH, double NorketamineVL);
