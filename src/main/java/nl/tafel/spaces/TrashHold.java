package nl.tafel.spaces;

/**
 * Another module's say in the trash purge: while it holds a space, nothing in that space's trash is removed for
 * good. The SharePoint sync holds a space while its link is stopped, so that documents it moved to the trash are
 * still there when an administrator has looked.
 */
public interface TrashHold {

    boolean holds(SpaceId space);
}
