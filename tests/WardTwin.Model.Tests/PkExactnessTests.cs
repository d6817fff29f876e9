using WardTwin.Model.Pk;

namespace WardTwin.Model.Tests;

/// <summary>The modal solution against a fine-step numerical integration of the raw compartment equations.</summary>
public sealed class PkExactnessTests
{
    private const double Potency = 0.33, Ke0Slow = 0.00265, Ke0Fast = 6.93;

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 0.5)]
    public void Modal_solution_matches_fine_step_integration_to_one_part_in_a_million(double sFraction, double rFraction)
    {
        var pk = TestData.TypicalPk() with { ClSLPerH = 87, VcL = 210, Vp1L = 120 };
        var state = new PkPdState(new PkPdSystem(pk, sFraction, rFraction, Potency, Ke0Slow, Ke0Fast));
        double[] x = new double[PkPdSystem.StateCount];
        (double At, double Rate)[] schedule = [(0, 3), (2.3, 5), (8, 7), (26.5, 4), (40, 0), (47.25, 14), (60, 0)];
        double now = 0;
        for (int i = 0; i < schedule.Length; i++)
        {
            double rate = schedule[i].Rate;
            state.SetRate(rate);
            double until = i + 1 < schedule.Length ? schedule[i + 1].At : 96;
            x = Rk4(pk, sFraction, rFraction, x, rate, until - now, stepH: 0.0005);
            state.AdvanceTo(until);
            now = until;
            var exact = state.FullState();
            for (int k = 0; k < x.Length; k++)
            {
                double scale = Math.Max(Math.Abs(x[k]), 1e-9);
                Assert.True(Math.Abs(exact[k] - x[k]) / scale < 1e-6,
                    $"state {k} at {now} h: modal {exact[k]:R} vs integrated {x[k]:R}");
            }
        }
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 0.5)]
    public void Modal_steady_state_by_substitution_matches_a_full_LU_solve(double sFraction, double rFraction)
    {
        var system = new PkPdSystem(TestData.TypicalPk(), sFraction, rFraction, Potency, Ke0Slow, Ke0Fast);
        var v = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(system.V);
        var reference = v.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(system.SteadyStatePerUnitRate));
        for (int i = 0; i < PkPdSystem.StateCount; i++)
        {
            double scale = Math.Max(Math.Abs(reference[i]), 1e-12);
            Assert.True(Math.Abs(system.ModalSteadyStatePerUnitRate[i] - reference[i]) / scale < 1e-9, $"mode {i}: {system.ModalSteadyStatePerUnitRate[i]:R} vs {reference[i]:R}");
        }

        // S-ketamine alone never excites the R-ketamine modes (3-5) or R-norketamine's (7): the walk skips them.
        int[] expected = rFraction == 0 ? [0, 1, 2, 6, 8, 9] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        Assert.Equal(expected, system.ActiveModes);
    }

    [Fact]
    public void A_snapshot_that_moves_a_mode_the_product_cannot_excite_is_refused()
    {
        var racemic = new PkPdState(new PkPdSystem(TestData.TypicalPk(), 0.5, 0.5, Potency, Ke0Slow, Ke0Fast));
        racemic.SetRate(5);
        racemic.AdvanceTo(3);
        var sOnly = new PkPdState(new PkPdSystem(TestData.TypicalPk(), 1, 0, Potency, Ke0Slow, Ke0Fast));
        var e = Assert.Throws<ArgumentException>(() => sOnly.Restore(racemic.Snapshot()));
        Assert.Contains("mode 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Delivered_dose_is_the_integral_of_the_rate()
    {
        var state = new PkPdState(new PkPdSystem(TestData.TypicalPk(), 1, 0, Potency, Ke0Slow, Ke0Fast));
        state.SetRate(3);
        state.AdvanceTo(2);
        state.SetRate(5);
        state.AdvanceTo(8);
        state.SetRate(0);
        state.AdvanceTo(20);
        Assert.Equal((3 * 2) + (5 * 6), state.DeliveredMg, 9);
    }

    [Fact]
    public void Time_cannot_go_back()
    {
        var state = new PkPdState(new PkPdSystem(TestData.TypicalPk(), 1, 0, Potency, Ke0Slow, Ke0Fast));
        state.AdvanceTo(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => state.AdvanceTo(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => state.SetRate(-1));
    }

    [Fact]
    public void A_snapshot_restores_the_same_course()
    {
        var system = new PkPdSystem(TestData.TypicalPk(), 0.5, 0.5, Potency, Ke0Slow, Ke0Fast);
        var a = new PkPdState(system);
        a.SetRate(40);
        a.AdvanceTo(7.5);
        var b = new PkPdState(system);
        b.Restore(a.Snapshot());
        a.AdvanceTo(30);
        b.AdvanceTo(30);
        Assert.Equal(a.Concentrations, b.Concentrations);
    }

    /// <summary>Classical RK4 on the compartment equations written out directly from the model card.</summary>
    private static double[] Rk4(PatientPk pk, double fs, double fr, double[] x0, double rate, double duration, double stepH)
    {
        int steps = (int)Math.Ceiling(duration / stepH);
        double h = duration / steps;
        var x = (double[])x0.Clone();
        for (int i = 0; i < steps; i++)
        {
            var k1 = Derivative(pk, fs, fr, x, rate);
            var k2 = Derivative(pk, fs, fr, Add(x, k1, h / 2), rate);
            var k3 = Derivative(pk, fs, fr, Add(x, k2, h / 2), rate);
            var k4 = Derivative(pk, fs, fr, Add(x, k3, h), rate);
            for (int j = 0; j < x.Length; j++)
            {
                x[j] += h / 6 * (k1[j] + (2 * k2[j]) + (2 * k3[j]) + k4[j]);
            }
        }

        return x;
    }

    private static double[] Add(double[] x, double[] k, double h) => x.Select((v, i) => v + (h * k[i])).ToArray();

    private static double[] Derivative(PatientPk pk, double fs, double fr, double[] x, double rate)
    {
        double vc = pk.VcL;
        double[] d = new double[10];
        void Parent(int c, int p1, int p2, int nk, double cl, double input)
        {
            d[c] = input - (cl / vc * x[c]) - (pk.Q1LPerH / vc * x[c]) + (pk.Q1LPerH / pk.Vp1L * x[p1]) - (pk.Q2LPerH / vc * x[c]) + (pk.Q2LPerH / pk.Vp2L * x[p2]);
            d[p1] = (pk.Q1LPerH / vc * x[c]) - (pk.Q1LPerH / pk.Vp1L * x[p1]);
            d[p2] = (pk.Q2LPerH / vc * x[c]) - (pk.Q2LPerH / pk.Vp2L * x[p2]);
            d[nk] = (pk.NorketamineFm * cl / vc * x[c]) - (pk.NorketamineClLPerH / pk.NorketamineVL * x[nk]);
        }

        Parent(0, 1, 2, 6, pk.ClSLPerH, rate * fs);
        Parent(3, 4, 5, 7, pk.ClRLPerH, rate * fr);
        double ceq = 1000 * (x[0] + (Potency * x[3])) / vc;
        d[8] = Ke0Slow * (ceq - x[8]);
        d[9] = Ke0Fast * (ceq - x[9]);
        return d;
    }
}
