namespace Training.Core.Domain;

/// <summary>
/// One question as an attempt showed it (LEARNING.md §4): its place in the attempt and the order
/// its options were shown in. The learner answers by shown index; what is kept, and scored, is the
/// original option index, so a question keeps its meaning however it was shuffled.
/// </summary>
public sealed class QuizItem
{
    private QuizItem() { }

    internal QuizItem(int questionId, int position, List<int> optionOrder)
    {
        QuestionId = questionId;
        Position = position;
        OptionOrder = optionOrder;
    }

    public int QuestionId { get; private set; }
    /// <summary>1, 2, 3 … as shown in the attempt.</summary>
    public int Position { get; private set; }
    /// <summary>Shown option i is the question's original option OptionOrder[i].</summary>
    public List<int> OptionOrder { get; private set; } = [];
    /// <summary>The original option indexes chosen, ascending; empty until submitted, and when nothing was chosen.</summary>
    public List<int> Chosen { get; private set; } = [];
    public bool Correct { get; private set; }

    /// <summary>The shown index of an original option (-1 when not shown): where to mark it on the page.</summary>
    public int ShownIndexOf(int originalIndex) => OptionOrder.IndexOf(originalIndex);

    internal void Answer(List<int> chosen, bool correct)
    {
        Chosen = chosen;
        Correct = correct;
    }
}
