using System.Collections.Concurrent;
using SkinBot.Core.Answers;
using SkinBot.Core.Feedback;
using SkinBot.Teams.Rendering;

namespace SkinBot.Teams.Activities;

/// <summary>
/// The answers this process lately sent as cards with vote buttons, by answer id. A vote invoke carries only
/// {answerId, vote}, not the card, so to answer it with the same card marked "counted" the answer must be at hand.
/// Bounded, oldest first out; a vote on an answer not here (older, or sent by another replica) is acknowledged with
/// a message instead, which loses nothing but the card's update.
/// </summary>
internal sealed class AnsweredCards(int capacity = 5_000)
{
    private readonly ConcurrentDictionary<AnswerId, (Answer Answer, CardActionStyle Style)> _cards = new();
    private readonly ConcurrentQueue<AnswerId> _order = new();

    public void Remember(Answer answer, CardActionStyle style)
    {
        if (!VoteCard.Offers(answer) || !_cards.TryAdd(answer.Id!.Value, (answer, style)))
        {
            return;
        }

        _order.Enqueue(answer.Id.Value);
        while (_cards.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _cards.TryRemove(oldest, out _);
        }
    }

    public bool TryGet(AnswerId id, out Answer answer, out CardActionStyle style)
    {
        var found = _cards.TryGetValue(id, out var card);
        (answer, style) = card;
        return found;
    }
}
