/** The web pages of the councils module (links in e-mails, start-page cards and documents). */
export const councilPaths = {
  list: () => '/praeventionsraete',
  council: (id: string) => `/praeventionsraete/${id}`,
  meeting: (councilId: string, meetingId: string) => `/praeventionsraete/${councilId}/sitzungen/${meetingId}`,
  decisions: (councilId: string) => `/praeventionsraete/${councilId}/beschluesse`,
  publicCouncil: (id: string) => `/kpr/${id}`,
  publicMeeting: (councilId: string, meetingId: string) => `/kpr/${councilId}/sitzungen/${meetingId}`,
};
