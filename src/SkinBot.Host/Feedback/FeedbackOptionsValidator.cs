using Microsoft.Extensions.Options;

namespace SkinBot.Host.Feedback;

/// <summary>Refuses to start with feedback settings that would lose votes or weaken the user hash.</summary>
internal sealed class FeedbackOptionsValidator : IValidateOptions<FeedbackOptions>
{
    private static readonly TimeSpan MaxBatchDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxVoteLookup = TimeSpan.FromSeconds(2);

    public ValidateOptionsResult Validate(string? name, FeedbackOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (options.Provider == FeedbackProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                problems.Add("Feedback:ConnectionString is required when Feedback:Provider is postgres.");
            }

            if (string.IsNullOrWhiteSpace(options.UserHashKey))
            {
                problems.Add("Feedback:UserHashKey is required when Feedback:Provider is postgres: every replica must hash people the same way.");
            }
        }

        if (options.UserHashKey is { } key && !UserHashKeySource.TryDecode(key, out _))
        {
            problems.Add($"Feedback:UserHashKey must be base64 of at least {Core.Feedback.KeyedUserHasher.MinimumKeyBytes} bytes (e.g. `openssl rand -base64 32`).");
        }

        if (options.TextRetention <= TimeSpan.Zero || options.PurgeInterval <= TimeSpan.Zero)
        {
            problems.Add("Feedback:TextRetention and Feedback:PurgeInterval must be positive.");
        }

        if (options.QueueCapacity < 1 || options.BatchSize < 1)
        {
            problems.Add("Feedback:QueueCapacity and Feedback:BatchSize must be at least 1.");
        }

        if (options.BatchDelay < TimeSpan.Zero || options.BatchDelay > MaxBatchDelay)
        {
            problems.Add($"Feedback:BatchDelay must be between 0 and {MaxBatchDelay.TotalSeconds:0} s: answers waiting longer are lost if the process is killed.");
        }

        if (options.VoteLookupTimeout <= TimeSpan.Zero || options.VoteLookupTimeout > MaxVoteLookup)
        {
            problems.Add($"Feedback:VoteLookupTimeout must be positive and at most {MaxVoteLookup.TotalSeconds:0} s (a Discord vote press must be answered within 3 s).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
