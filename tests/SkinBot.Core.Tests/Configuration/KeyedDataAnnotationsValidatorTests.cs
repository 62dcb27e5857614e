using SkinBot.Core.Configuration;
using SkinBot.Core.Engine;

namespace SkinBot.Core.Tests.Configuration;

public sealed class KeyedDataAnnotationsValidatorTests
{
    [Fact]
    public void Each_failure_names_the_configuration_key_and_not_the_value()
    {
        var options = new EngineOptions { LowConfidenceThreshold = 7.25, FollowUpWindow = TimeSpan.Zero };

        var result = new KeyedDataAnnotationsValidator<EngineOptions>(EngineOptions.SectionName).Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Engine:LowConfidenceThreshold: ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Engine:FollowUpWindow: ", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("7.25", StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_options_pass() =>
        Assert.True(new KeyedDataAnnotationsValidator<EngineOptions>(EngineOptions.SectionName).Validate(null, new EngineOptions()).Succeeded);
}
