namespace GeoTrygghet.Data.Events;

/// <summary>The two tables of events: police incidents and EST reports. They differ in how a category is matched.</summary>
public enum EventTable
{
    Incidents,
    Reports,
}
