package io.omnisync.acceptance;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The presence mapping as Talkdesk's Omni-Channel page shows it: two tables, one per direction,
 * that the admin fills in and saves. The rows may change during a scenario; saving applies them.
 */
public class MappingSteps {

    private final World world;

    @Inject
    public MappingSteps(World world) {
        this.world = world;
    }

    @Given("the Omni-Channel to Talkdesk mapping is:")
    public void omniToTalkdesk(DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            world.sheet()
                    .mapOmniToTalkdesk(Tables.cell(row, "Omni-Channel status"), Tables.cell(row, "Talkdesk status"));
        }
    }

    @Given("the Talkdesk to Omni-Channel mapping is:")
    public void talkdeskToOmni(DataTable table) {
        for (Map<String, String> row : Tables.rows(table)) {
            world.sheet()
                    .mapTalkdeskToOmni(Tables.cell(row, "Talkdesk status"), Tables.cell(row, "Omni-Channel status"));
        }
    }

    @Given("the admin maps Omni-Channel {string} to Talkdesk {string}")
    public void mapsOmniToTalkdesk(String omniStatus, String talkdeskStatus) {
        world.sheet().mapOmniToTalkdesk(omniStatus, talkdeskStatus);
    }

    @Given("the admin maps Talkdesk {string} to Omni-Channel {string}")
    public void mapsTalkdeskToOmni(String talkdeskStatus, String omniStatus) {
        world.sheet().mapTalkdeskToOmni(talkdeskStatus, omniStatus);
    }

    @Given("the admin leaves Omni-Channel {string} unmapped")
    public void leavesOmniUnmapped(String omniStatus) {
        world.sheet().unmapOmni(omniStatus);
    }

    @Given("the admin leaves Talkdesk {string} unmapped")
    public void leavesTalkdeskUnmapped(String talkdeskStatus) {
        world.sheet().unmapTalkdesk(talkdeskStatus);
    }
}
