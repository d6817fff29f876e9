using WardTwin.Model.Calibration;
using WardTwin.Model.Data;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Tests;

/// <summary>A hospital's own targets file is checked before anything is simulated, each error naming the file, the entry and the reason.</summary>
public sealed class CalibrationTargetFileTests
{
    private const string Target = """{"name": "a", "protocol": "erasmus-7d", "statistic": "median_nrs_t1", "published": 5, "interval": "median-binomial", "n": 30, "source": "test"}""";

    private static DataFileException Refused(string fitParameters, string targets = Target, bool fitting = true)
    {
        string path = TestData.TempFile("targets.json", $$"""{"fit_parameters": {{fitParameters}}, "targets": [{{targets}}]}""");
        return Assert.Throws<DataFileException>(() =>
        {
            var file = CalibrationTargetFile.Load(path);
            file.Validate(TestData.Catalog, ParameterFile.Load(TestData.Catalog.DefaultParametersPath), fitting);
        });
    }

    [Theory]
    [InlineData("""["pain.emax", "pain.emax"]""", "fit_parameters[1]", "named twice")]
    [InlineData("""["pain.nosuch"]""", "fit_parameters[0]", "is not a parameter of")]
    [InlineData("""["pain.c50_ng_per_ml"]""", "fit_parameters[0]", "is a sourced value")]
    [InlineData("""["pk.clearance_weight_exponent"]""", "fit_parameters[0]", "has no min and max")]
    [InlineData("""[]""", "fit_parameters", "is empty")]
    public void Parameters_calibrate_may_not_fit_are_refused(string fitParameters, string field, string reason)
    {
        var ex = Refused(fitParameters);
        Assert.EndsWith("targets.json", ex.File, StringComparison.Ordinal);
        Assert.Equal(field, ex.Field);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluating_only_still_checks_the_list()
    {
        var ex = Refused("""["pain.c50_ng_per_ml"]""", fitting: false);
        Assert.Contains("sourced", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name": "a", "protocol": "nosuch", "statistic": "median_nrs_t1", "published": 5, "interval": "median-binomial", "n": 3, "source": "t"}""", "targets[0].protocol", "unknown protocol id")]
    [InlineData("""{"name": "a", "protocol": "erasmus-7d", "statistic": "median_nrs_t1", "published": 5, "interval": "median-binomial", "source": "t"}""", "targets[0]", "'median-binomial' needs n > 0")]
    [InlineData("""{"name": "a", "protocol": "erasmus-7d", "statistic": "mean_nrs_t1", "published": 5, "interval": "range", "low": 6, "high": 4, "source": "t"}""", "targets[0]", "needs low and high with low <= high")]
    [InlineData("""{"name": "a", "protocol": "erasmus-7d", "statistic": "median_nrs_t1", "published": 5, "interval": "median-binomial", "n": 3}""", "$.targets[0]", "missing required field(s): 'source'")]
    [InlineData("""{"name": "a", "protocol": "erasmus-7d", "statistic": "median_nrs_t1", "published": 5, "interval": "notch", "n": 3, "source": "t"}""", "$.targets[0].interval", "must be one of wilson, median-iqr, mean-sd, mean-sem, range, median-binomial")]
    public void A_bad_target_is_refused_naming_what_is_wrong(string target, string field, string reason)
    {
        var ex = Refused("""["pain.emax"]""", target);
        Assert.Equal(field, ex.Field);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("WardTwin.", ex.Message, StringComparison.Ordinal);
    }
}
