/** Where GET /media/:id answers, as answers name it (the api's prefix is set at bootstrap). */
export const API_MEDIA_PATH = '/api/v1/media';
