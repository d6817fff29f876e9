using WardTwin.Model.Pk;

namespace WardTwin.Model.Tests;

/// <summary>The plateaus the model card says to check (section 2), for a typical 70-kg man.</summary>
public sealed class PkPlateauTests
{
    private static Concentrations After(double hours, double rate, double s, double r)
    {
        var state = new PkPdState(new PkPdSystem(TestData.TypicalPk(), s, r, 0.33, Math.Log(2) / (10.9 * 24), Math.Log(2) / 0.1));
        state.SetRate(rate);
        state.AdvanceTo(hours);
        return state.Concentrations;
    }

    [Fact]
    public void S_ketamine_22_mg_per_h_plateaus_near_220_ng_per_ml()
    {
        var c = After(7 * 24, 22, 1, 0);
        Assert.InRange(c.SKetamineNgPerMl, 210, 225); // card: about 220 (observed peak ~250, Sigtermans 2009)
        Assert.Equal(0, c.RKetamineNgPerMl, 9);
    }

    [Fact]
    public void S_norketamine_at_22_mg_per_h_reaches_about_225_ng_per_ml()
    {
        var c = After(7 * 24, 22, 1, 0);
        Assert.InRange(c.SNorketamineNgPerMl, 200, 235); // card: fm and CL_NK chosen for ~225 (Sigtermans 2009 Pain)
    }

    [Fact]
    public void Racemic_40_mg_per_h_gives_S_about_200_and_R_about_220()
    {
        var c = After(5 * 24, 40, 0.5, 0.5);
        Assert.InRange(c.SKetamineNgPerMl, 190, 205); // card: S about 200 (Goldberg 2010: 200-225)
        Assert.InRange(c.RKetamineNgPerMl, 210, 228); // card: R about 220
        Assert.True(c.RKetamineNgPerMl > c.SKetamineNgPerMl, "R clears more slowly than S in the racemate");
    }

    [Fact]
    public void Sourced_PK_reaches_two_thirds_of_plateau_5_h_after_the_start_where_Goldberg_saw_it_stable()
    {
        // A known gap (README): Goldberg 2010 saw ketamine stable ~5 h after the start; the card's
        // three-compartment PK (Perez-Ruixo 2021) still climbs then because of its slow, large Vp2.
        double at5 = After(5, 40, 0.5, 0.5).SKetamineNgPerMl;
        double at24 = After(24, 40, 0.5, 0.5).SKetamineNgPerMl;
        double at120 = After(120, 40, 0.5, 0.5).SKetamineNgPerMl;
        Assert.InRange(at5 / at120, 0.60, 0.70);
        Assert.InRange(at24 / at120, 0.85, 1.0);
    }

    [Fact]
    public void Norketamine_gap_against_Goldberg_is_reported_not_hidden()
    {
        // Card s.2: fm/CL_NK predict ~200 ng/mL at 40 mg/h racemic where Goldberg measured 90-120 (venous).
        var c = After(5 * 24, 40, 0.5, 0.5);
        Assert.InRange(c.SNorketamineNgPerMl, 180, 220);
    }
}
