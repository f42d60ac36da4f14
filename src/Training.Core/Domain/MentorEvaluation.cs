using System.Linq.Expressions;

namespace Training.Core.Domain;

public class MentorEvaluation
{
    private MentorEvaluation() { Text = Actor = ""; }

    internal MentorEvaluation(DateOnly on, Rating rating, string text, string actor, DateTime at)
    {
        On = on;
        Rating = rating;
        Text = text;
        Actor = actor;
        At = at;
    }

    public int Id { get; private set; }
    public int PairId { get; private set; }
    public DateOnly On { get; private set; }
    public Rating Rating { get; private set; }
    public string Text { get; private set; }
    public string Actor { get; private set; }
    public DateTime At { get; private set; }
}
