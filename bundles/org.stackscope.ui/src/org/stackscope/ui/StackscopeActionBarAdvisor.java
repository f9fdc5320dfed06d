package org.stackscope.ui;

import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/** File (Open Study…, Write Study Report, Exit) and Window (Show View, Preferences) menus. */
final class StackscopeActionBarAdvisor extends ActionBarAdvisor {

    private IWorkbenchWindow window;
    private IAction openStudy;
    private IAction writeReport;
    private IAction quit;
    private IAction preferences;

    StackscopeActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow workbenchWindow) {
        window = workbenchWindow;
        openStudy = new OpenStudyAction(workbenchWindow);
        writeReport = new WriteReportAction(workbenchWindow);
        quit = ActionFactory.QUIT.create(workbenchWindow);
        register(quit);
        preferences = ActionFactory.PREFERENCES.create(workbenchWindow);
        register(preferences);
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(openStudy);
        file.add(writeReport);
        file.add(new Separator());
        file.add(quit);
        menuBar.add(file);

        MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager showView = new MenuManager("Show &View");
        showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(showView);
        windowMenu.add(new Separator());
        windowMenu.add(preferences);
        menuBar.add(windowMenu);
    }
}
