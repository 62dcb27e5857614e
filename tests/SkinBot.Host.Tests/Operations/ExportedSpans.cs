using System.Collections;
using System.Diagnostics;
using System.Text;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// Where the in-memory exporter puts the spans it is handed (it is called from whichever thread ends a span), with a
/// way to wait for one and to read everything a span would carry to a collector as one text.
/// </summary>
internal sealed class ExportedSpans : ICollection<Activity>
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate)
        {
            return [.. _spans];
        }
    }

    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (Snapshot().FirstOrDefault(match) is { } span)
            {
                return span;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No exported span for {what}. Exported:\n{string.Join('\n', Snapshot().Select(Text))}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Name, tags, events with their tags, links with their tags, status and baggage.</summary>
    public static string Text(Activity span)
    {
        var text = new StringBuilder();
        text.Append(span.Source.Name).Append(' ').Append(span.OperationName).Append(" '").Append(span.DisplayName).Append('\'');
        AppendTags(text, span.TagObjects);
        foreach (var spanEvent in span.Events)
        {
            text.Append(" event ").Append(spanEvent.Name);
            AppendTags(text, spanEvent.Tags);
        }

        foreach (var link in span.Links)
        {
            text.Append(" link");
            AppendTags(text, link.Tags ?? []);
        }

        text.Append(" status ").Append(span.Status).Append(' ').Append(span.StatusDescription);
        AppendTags(text, span.Baggage.Select(b => new KeyValuePair<string, object?>(b.Key, b.Value)));
        return text.ToString();
    }

    public void Add(Activity item)
    {
        lock (_gate)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item) => Snapshot().Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(Activity item)
    {
        lock (_gate)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static void AppendTags(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            text.Append(' ').Append(key).Append('=').Append(value is Array array ? string.Join(',', array.Cast<object?>()) : value);
        }
    }
}
