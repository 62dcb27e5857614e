namespace SkinBot.Core.Safety;

/// <summary>What a message after a medical go-to-care reply says of the care advised (<see cref="AfterMedicalReading"/>).</summary>
public enum AfterMedicalCare
{
    /// <summary>Neither: read as usual when it asks about scars, otherwise the advice again.</summary>
    Unsaid,

    /// <summary>Seen or on the way, told it is fine by someone who looked, thanks and going: read as usual.</summary>
    SeenTo,

    /// <summary>Put off, barred or hidden: the advice again, whatever else the message asks.</summary>
    StillNeeded,
}
