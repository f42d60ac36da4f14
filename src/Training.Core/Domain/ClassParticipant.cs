namespace Training.Core.Domain;

public class ClassParticipant
{
    private ClassParticipant() { EnrolledBy = ""; }

    internal ClassParticipant(TrainingClass trainingClass, Person person, DateOnly on, string actor, DateTime now)
    {
        Class = trainingClass;
        Person = person;
        PersonId = person.Id;
        EnrolledOn = on;
        EnrolledBy = actor;
        EnrolledAt = now;
    }

    public int Id { get; private set; }
    public int ClassId { get; private set; }
    public TrainingClass Class { get; private set; } = null!;
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    public DateOnly EnrolledOn { get; private set; }
    public string EnrolledBy { get; private set; }
    public DateTime EnrolledAt { get; private set; }
}
