using WardTwin.Model.Parameters;
using WardTwin.Model.Pd;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Tests;

public sealed class SideEffectModelTests
{
    private readonly SideEffectModel _model = new(TestData.Parameters.SideEffects);

    [Theory]
    [InlineData(99, SideEffectGrade.None)]
    [InlineData(100, SideEffectGrade.Mild)]
    [InlineData(149, SideEffectGrade.Mild)]
    [InlineData(150, SideEffectGrade.Moderate)]
    [InlineData(250, SideEffectGrade.Severe)]
    public void Grades_follow_the_ratio_to_the_personal_threshold(double ce, SideEffectGrade expected) =>
        Assert.Equal(expected, _model.Grade(ce, 100));

    [Fact]
    public void Midazolam_doubles_the_psychotomimetic_and_restlessness_thresholds_and_adds_drowsiness()
    {
        var p = TestData.Patient(thresholds: [1e6, 1e6, 1e6, 1e6, 100, 100]);
        var grades = new SideEffectGrade[SideEffectKinds.Count];
        var none = new bool[SideEffectKinds.Count];
        _model.GradeAll(p, 160, midazolamActive: false, none, grades);
        Assert.Equal(SideEffectGrade.Moderate, grades[(int)SideEffectKind.Psychotomimetic]);
        Assert.Equal(SideEffectGrade.None, grades[(int)SideEffectKind.Drowsiness]);
        var drowsyWithoutMidazolam = _model.GradeAll(p, 160, midazolamActive: true, none, grades);
        Assert.Equal(SideEffectGrade.None, grades[(int)SideEffectKind.Psychotomimetic]); // 160 / 200 < 1
        Assert.Equal(SideEffectGrade.None, grades[(int)SideEffectKind.Restlessness]);
        Assert.Equal(SideEffectGrade.Mild, grades[(int)SideEffectKind.Drowsiness]);

        // The drowsiness is midazolam's alone: reported apart from ketamine's side effects.
        Assert.Equal(SideEffectGrade.None, drowsyWithoutMidazolam);
    }

    [Fact]
    public void Background_side_effects_appear_without_drug()
    {
        var p = TestData.Patient();
        var grades = new SideEffectGrade[SideEffectKinds.Count];
        var background = new bool[SideEffectKinds.Count];
        background[(int)SideEffectKind.Nausea] = true;
        _model.GradeAll(p, 0, midazolamActive: false, background, grades);
        Assert.Equal(SideEffectGrade.Mild, grades[(int)SideEffectKind.Nausea]);
        Assert.Equal(SideEffectGrade.None, grades[(int)SideEffectKind.Headache]);
    }
}
