using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SkinBot.Core.Configuration;

/// <summary>
/// Checks the data annotations of an options class and reports each failure by its configuration key
/// (<c>Engine:FollowUpWindow: …</c>). The framework's own check names the class and member instead, which tells an
/// operator reading a start-up error nothing about which setting to change. The annotations' messages never quote the value.
/// </summary>
public sealed class KeyedDataAnnotationsValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
            failures.AddRange(members.Select(member => $"{sectionName}{(member.Length > 0 ? ":" + member : string.Empty)}: {result.ErrorMessage}"));
        }

        return ValidateOptionsResult.Fail(failures);
    }
}
